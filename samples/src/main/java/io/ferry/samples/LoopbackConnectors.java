package io.ferry.samples;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Spring Boot auto-configuration, active only inside the embedded S3Mock of the samples: binds
 * its Tomcat connectors to 127.0.0.1 (S3Mock's plain-HTTP connector would otherwise listen on
 * all interfaces).
 */
@AutoConfiguration
public class LoopbackConnectors {
    /** Sets {@code address=127.0.0.1} on each Tomcat {@link Connector} bean. */
    @Bean
    public static BeanPostProcessor ferrySampleLoopbackConnectors() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof Connector) {
                    ((Connector) bean).setProperty("address", "127.0.0.1");
                }
                return bean;
            }
        };
    }
}
