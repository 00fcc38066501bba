package dev.dumplens.heap;

import java.util.Arrays;

/** A small growable int list. */
final class IntList {
    private int[] a = new int[4];
    private int size;

    void add(int v) {
        if (size == a.length) a = Arrays.copyOf(a, size * 2);
        a[size++] = v;
    }

    boolean contains(int v) {
        for (int i = 0; i < size; i++) if (a[i] == v) return true;
        return false;
    }

    int get(int i) { return a[i]; }

    void set(int i, int v) { a[i] = v; }

    int size() { return size; }
}
