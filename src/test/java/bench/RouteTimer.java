package bench;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Times the replay route from inside the Camel app, without touching its code: camel-main adds every
 * {@link org.apache.camel.spi.EventNotifier} bean of the registry, and the benchmark binds this one with
 * {@code camel.beans.benchRouteTimer=#class:bench.RouteTimer}. The replay is one timer exchange that opens the
 * file, splits it and completes after the last chunk's records are acknowledged, so its creation and completion
 * bound the route's work exactly: Camel's start-up and shutdown are outside the window.
 */
public final class RouteTimer extends EventNotifierSupport {

    static final String ROUTE_ID = "replay";

    private static long startedMillis;
    private static long completedMillis;
    private static boolean failed;

    public RouteTimer() {
        // only the completion of exchanges is wanted; Camel then builds no other event objects
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
        setIgnoreStepEvents(true);
    }

    static synchronized void reset() {
        startedMillis = 0;
        completedMillis = 0;
        failed = false;
    }

    /** Milliseconds from the replay exchange's creation to its completion, or -1 when it did not complete. */
    static synchronized long elapsedMillis() {
        return completedMillis == 0 || failed ? -1 : completedMillis - startedMillis;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        if (!ROUTE_ID.equals(exchange.getFromRouteId())) {
            return;
        }
        // the replay's timer exchange is created before and completes after any exchange the split makes
        long now = System.currentTimeMillis();
        synchronized (RouteTimer.class) {
            long created = exchange.getClock().getCreated();
            startedMillis = startedMillis == 0 ? created : Math.min(startedMillis, created);
            completedMillis = Math.max(completedMillis, now);
            failed |= event instanceof ExchangeFailedEvent;
        }
    }
}
