package org.huyou.common.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** AWT images (a rendered PDF page, a scanned TIFF) as JavaFX ones: javafx-swing, which would do this, is not used. */
public final class FxImages {

    private FxImages() {}

    /**
     * The JavaFX image of {@code image}; callable on any thread.
     *
     * @throws IOException when there is no image (ImageIO's answer to a file it cannot read)
     */
    public static WritableImage of(BufferedImage image) throws IOException {
        if (image == null) {
            throw new IOException("unreadable image");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }
}
