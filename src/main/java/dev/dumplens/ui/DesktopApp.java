package dev.dumplens.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/** The JavaFX application: opens the main window and the files given on the command line. */
public final class DesktopApp extends Application {

    public static void start(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.getIcons().setAll(AppIcon.images());
        MainWindow window = new MainWindow(stage, new Prefs());
        stage.show();
        List<Path> files = getParameters().getUnnamed().stream().map(Path::of).toList();
        window.open(files);
    }
}
