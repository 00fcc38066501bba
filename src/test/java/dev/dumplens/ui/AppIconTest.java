package dev.dumplens.ui;

import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class AppIconTest {
    @Start
    void start(Stage stage) { }

    @Test
    void everyIconSizeIsBundledAndDecodesAtItsSize() {
        List<Image> images = AppIcon.images();
        assertThat(images).extracting(Image::isError).containsOnly(false);
        assertThat(images).extracting(i -> (int) i.getWidth()).containsExactlyElementsOf(AppIcon.SIZES);
        assertThat(images).extracting(i -> (int) i.getHeight()).containsExactlyElementsOf(AppIcon.SIZES);
    }

    @Test
    void iconIsOpaqueInTheMiddleAndTransparentInTheCorner() {
        Image icon = AppIcon.images().get(AppIcon.SIZES.indexOf(256));
        assertThat(icon.getPixelReader().getColor(128, 128).getOpacity()).isEqualTo(1.0);
        assertThat(icon.getPixelReader().getColor(0, 0).getOpacity()).isEqualTo(0.0);
    }
}
