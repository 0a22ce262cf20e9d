package io.llmgate.core.hook;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;

import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.List;

/** The observers CDI would inject: a fixed list. Only iteration is supported; the interceptor needs nothing else. */
final class Observers implements Instance<CallObserver> {
    private final List<CallObserver> observers;

    Observers(CallObserver... observers) {
        this.observers = List.of(observers);
    }

    @Override
    public Iterator<CallObserver> iterator() {
        return observers.iterator();
    }

    @Override
    public CallObserver get() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instance<CallObserver> select(Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends CallObserver> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends CallObserver> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isUnsatisfied() {
        return observers.isEmpty();
    }

    @Override
    public boolean isAmbiguous() {
        return observers.size() > 1;
    }

    @Override
    public void destroy(CallObserver instance) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Handle<CallObserver> getHandle() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<? extends Handle<CallObserver>> handles() {
        throw new UnsupportedOperationException();
    }
}
