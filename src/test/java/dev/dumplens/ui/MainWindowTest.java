package dev.dumplens.ui;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.openWindow(stage);
    }

    @Test
    void startPageOffersOpenSamplesAndDropZone() {
        Label drop = (Label) window.stage().getScene().lookup("#drop-zone");
        assertThat(drop).isNotNull();
        assertThat(drop.getText()).contains("Drop thread dumps");
        assertThat(window.stage().getScene().lookup("#start-open")).isNotNull();
        assertThat(window.stage().getScene().lookup("#start-samples")).isNotNull();
        assertThat(window.tabs().getTabs()).hasSize(1);
    }

    @Test
    void droppingFilesThatAreNoDumpsNamesThemAndChangesNothing(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "shopping list\nmilk\neggs\n");
        Path empty = Files.createFile(dir.resolve("empty.tdump"));
        UiTestSupport.dropFiles(window.tabs(), List.of(notes, empty));
        UiTestSupport.waitUntil(20, () -> !window.notices().texts().isEmpty());
        String message = String.join("\n", window.notices().texts());
        assertThat(message).contains(notes.toString()).contains("not a thread dump");
        assertThat(message).contains(empty.toString());
        assertThat(window.tabs().getTabs()).hasSize(1);
        assertThat(Files.readString(notes)).isEqualTo("shopping list\nmilk\neggs\n");
    }
}
