package support;

import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** An unstarted Camel context whose properties are application.properties with a test's own values on top. */
public final class TestProperties {

    private TestProperties() {
    }

    /** @param keysAndValues key, value, key, value, … */
    public static CamelContext context(String... keysAndValues) {
        Properties overrides = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            overrides.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation("classpath:application.properties");
        context.getPropertiesComponent().setOverrideProperties(overrides);
        return context;
    }
}
