package bench;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Times the replay route from inside the Camel app without touching its code. The benchmark binds it with the
 * property {@code camel.beans.benchRouteTimer=#class:bench.RouteTimer}; Camel binds such beans after it has
 * collected the registry's event notifiers, so this one adds itself when it gets the context.
 * <p>
 * The replay is one timer exchange that opens the file, splits it into chunks and completes after the last chunk's
 * records are acknowledged by the broker, so its creation and completion bound the route's work exactly; Camel's
 * start-up and shutdown are outside the window. One replay at a time: the result is kept statically.
 */
public final class RouteTimer extends EventNotifierSupport implements CamelContextAware {

    private static final String ROUTE_ID = "replay";

    private static long startedMillis;
    private static long completedMillis;
    private static boolean failed;

    private CamelContext context;

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

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.context = camelContext;
        if (!camelContext.getManagementStrategy().getEventNotifiers().contains(this)) {
            camelContext.getManagementStrategy().addEventNotifier(this);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
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
        // the timer exchange is created before, and completes after, any exchange the split makes
        long now = System.currentTimeMillis();
        synchronized (RouteTimer.class) {
            long created = exchange.getClock().getCreated();
            startedMillis = startedMillis == 0 ? created : Math.min(startedMillis, created);
            completedMillis = Math.max(completedMillis, now);
            failed |= event instanceof ExchangeFailedEvent;
        }
    }
}
