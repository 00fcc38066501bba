package dev.dumplens.ui;

import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

import java.util.List;
import java.util.function.Supplier;

/** A tree item whose children are built the first time they are asked for (when it is expanded). */
final class LazyTreeItem<T> extends TreeItem<T> {
    private Supplier<List<TreeItem<T>>> children;

    LazyTreeItem(T value, Supplier<List<TreeItem<T>>> children) {
        super(value);
        this.children = children;
    }

    @Override public boolean isLeaf() { return false; }

    @Override public ObservableList<TreeItem<T>> getChildren() {
        if (children != null) {
            Supplier<List<TreeItem<T>>> make = children;
            children = null;
            super.getChildren().setAll(make.get());
        }
        return super.getChildren();
    }
}
