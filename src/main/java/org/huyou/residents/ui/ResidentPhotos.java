package org.huyou.residents.ui;

import java.io.ByteArrayInputStream;
import javafx.scene.image.Image;

/** Turns stored photo bytes into an image for display, scaled down so a large photo costs little memory. */
final class ResidentPhotos {

    private ResidentPhotos() {}

    static Image image(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        Image img = new Image(new ByteArrayInputStream(bytes), 160, 160, true, true);
        return img.isError() ? null : img;
    }
}
