package bench;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Times the replay route from inside Camel, without touching its code: the replay is one timer exchange that
 * opens the file, splits it into chunks and completes after the last chunk's records are acknowledged by the
 * broker, so its creation and completion bound the route's work; Camel's start-up and shutdown are outside.
 */
final class RouteTimer extends EventNotifierSupport {

    private final String routeId;
    private long startedMillis;
    private long completedMillis;
    private boolean failed;

    RouteTimer(String routeId) {
        this.routeId = routeId;
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

    /** Milliseconds from the replay exchange's creation to its completion, or -1 when it did not complete. */
    synchronized long elapsedMillis() {
        return completedMillis == 0 || failed ? -1 : completedMillis - startedMillis;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        if (!routeId.equals(exchange.getFromRouteId())) {
            return;
        }
        // the timer exchange is created before, and completes after, any exchange the split makes
        long now = System.currentTimeMillis();
        synchronized (this) {
            long created = exchange.getClock().getCreated();
            startedMillis = startedMillis == 0 ? created : Math.min(startedMillis, created);
            completedMillis = Math.max(completedMillis, now);
            failed |= event instanceof ExchangeFailedEvent;
        }
    }
}
