package io.ferry.embedded.s3;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Spring Boot auto-configuration, active only inside an embedded S3Mock: binds every Tomcat
 * connector to 127.0.0.1. S3Mock's plain-HTTP connector ignores {@code server.address} and would
 * otherwise listen on all interfaces.
 */
@AutoConfiguration
public class LoopbackConnectors {
    /** Sets {@code address=127.0.0.1} on each Tomcat {@link Connector} bean. */
    @Bean
    public static BeanPostProcessor ferryLoopbackConnectors() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof Connector connector) {
                    connector.setProperty("address", "127.0.0.1");
                }
                return bean;
            }
        };
    }
}
