package io.ferry.core.testing;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The slf4j binding of the library modules' test runs (test scope only, chosen with
 * {@code -Dslf4j.provider=io.ferry.core.testing.CapturingServiceProvider} in the parent POM's
 * Surefire configuration): see {@link CapturingLoggerFactory}.
 */
public final class CapturingServiceProvider implements SLF4JServiceProvider {
    private final CapturingLoggerFactory loggers = new CapturingLoggerFactory();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // the factory is ready when constructed
    }
}
