package io.nova.kernel.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationFactoryFactory;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import jakarta.validation.Validator;

/** Hands Dropwizard a {@link NovaConfigurationFactory} bound to the service's layered configuration source. */
public final class NovaConfigurationFactoryFactory<T> implements ConfigurationFactoryFactory<T> {

    private final ConfigurationSourceProvider source;

    public NovaConfigurationFactoryFactory(ConfigurationSourceProvider source) {
        this.source = source;
    }

    @Override
    public ConfigurationFactory<T> create(Class<T> klass, Validator validator, ObjectMapper mapper, String prefix) {
        return new NovaConfigurationFactory<>(klass, validator, mapper, prefix, source);
    }
}
