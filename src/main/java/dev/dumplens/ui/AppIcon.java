package dev.dumplens.ui;

import javafx.scene.image.Image;

import java.net.URL;
import java.util.List;

/** The application icon (rendered from {@code icons/dumplens.svg}) in every size a window manager may ask for. */
final class AppIcon {
    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcon() { }

    /** One image per size, smallest first; the window manager picks the best fit for title bar, task bar and switcher. */
    static List<Image> images() {
        return SIZES.stream().map(AppIcon::image).toList();
    }

    private static Image image(int size) {
        String name = "icons/dumplens-" + size + ".png";
        URL url = AppIcon.class.getResource(name);
        if (url == null) throw new IllegalStateException("icon resource missing from the build: " + name);
        return new Image(url.toExternalForm());
    }
}
