package io.llmgate.web;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;

import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.List;

/** What CDI would inject as {@code Instance<T>}: zero or one fixed bean. Supports resolution and iteration only. */
public final class FixedInstance<T> implements Instance<T> {
    private final List<T> beans;

    private FixedInstance(List<T> beans) {
        this.beans = beans;
    }

    public static <T> FixedInstance<T> of(T bean) {
        return new FixedInstance<>(List.of(bean));
    }

    public static <T> FixedInstance<T> none() {
        return new FixedInstance<>(List.of());
    }

    @Override
    public T get() {
        if (beans.isEmpty()) {
            throw new IllegalStateException("unsatisfied");
        }
        return beans.get(0);
    }

    @Override
    public Iterator<T> iterator() {
        return beans.iterator();
    }

    @Override
    public boolean isUnsatisfied() {
        return beans.isEmpty();
    }

    @Override
    public boolean isAmbiguous() {
        return false;
    }

    @Override
    public Instance<T> select(Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void destroy(T instance) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Handle<T> getHandle() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<? extends Handle<T>> handles() {
        throw new UnsupportedOperationException();
    }
}
