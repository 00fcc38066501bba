package dev.dumplens.ui;

import dev.dumplens.analysis.compare.Suspect;
import dev.dumplens.report.Text;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Leak suspects of a comparison, most serious first, as cards: kind, summary, explanation and the threads
 * concerned. A comparison has a handful of suspects, so the cards are plain nodes in a scroll pane; clicking one
 * selects it.
 */
final class SuspectsList extends ScrollPane {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private final VBox cards = new VBox(6);
    private final Consumer<Suspect> onSelect;
    private final List<Suspect> suspects = new ArrayList<>();
    private Suspect selected;

    SuspectsList(Consumer<Suspect> onSelect) {
        this.onSelect = onSelect;
        setId("suspects-list");
        cards.setPadding(new Insets(4, 8, 8, 4));
        setContent(cards);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    /** Shows {@code list}, nothing selected. */
    void show(List<Suspect> list) {
        suspects.clear();
        suspects.addAll(list);
        selected = null;
        cards.getChildren().clear();
        if (list.isEmpty()) {
            Label none = UiBits.muted("No leak suspects: no group grows, and no thread is stuck or spinning.");
            none.setWrapText(true);
            cards.getChildren().add(none);
        }
        for (Suspect s : list) cards.getChildren().add(card(s));
    }

    /** The suspects shown, most serious first. */
    List<Suspect> suspects() { return suspects; }

    /** The selected suspect, or {@code null}. */
    Suspect selected() { return selected; }

    /** Selects the {@code index}-th suspect, as a click on its card does. */
    void select(int index) {
        Suspect s = suspects.get(index);
        selected = s;
        for (int i = 0; i < cards.getChildren().size(); i++) {
            cards.getChildren().get(i).pseudoClassStateChanged(SELECTED, i == index);
        }
        onSelect.accept(s);
    }

    /** "GROWING GROUP", "DEADLOCK", … */
    static String kindText(Suspect.Kind kind) {
        return kind.label().replace('-', ' ').toUpperCase(Locale.ROOT);
    }

    private VBox card(Suspect s) {
        Label kind = new Label(kindText(s.kind()));
        kind.getStyleClass().addAll("suspect-kind", "suspect-kind-" + s.kind().label());
        Label summary = wrapped(Text.oneLine(s.summary()), "suspect-summary");
        Label explanation = wrapped(s.explanation(), "suspect-explanation");
        Label threads = wrapped(s.threads().size() + (s.threads().size() == 1 ? " thread: " : " threads: ")
                + Text.oneLine(s.threadsInShort()), "text-muted");
        threads.getStyleClass().add("text-small");
        VBox card = new VBox(4, kind, summary, explanation, threads);
        card.getStyleClass().add("suspect-card");
        card.setId("suspect-" + (suspects.indexOf(s) + 1));
        int index = suspects.indexOf(s);
        card.setOnMouseClicked(e -> select(index));
        return card;
    }

    private static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        return l;
    }
}
