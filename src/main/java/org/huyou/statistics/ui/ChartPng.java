package org.huyou.statistics.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.huyou.common.io.WriteBeside;

/** A snapshot of a chart as pixels (taken on the FX thread) and written as PNG (off it). */
final class ChartPng {

    private final int width;
    private final int height;
    private final int[] argb;

    private ChartPng(WritableImage image) {
        width = (int) image.getWidth();
        height = (int) image.getHeight();
        argb = new int[width * height];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
    }

    static ChartPng of(Node node) {
        return new ChartPng(node.snapshot(null, null));
    }

    void write(Path file) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        WriteBeside.write(file, partial -> {
            if (!ImageIO.write(img, "png", partial.toFile())) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
