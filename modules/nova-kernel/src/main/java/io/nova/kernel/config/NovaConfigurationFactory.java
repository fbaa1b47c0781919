package io.nova.kernel.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import jakarta.validation.Validator;

import java.io.IOException;

/**
 * Dropwizard's YAML factory, except that {@code server} without a file still reads the layered defaults instead of
 * an empty configuration: a container runs {@code java -jar service.jar server} and configures it by environment.
 */
final class NovaConfigurationFactory<T> extends YamlConfigurationFactory<T> {

    private final ConfigurationSourceProvider defaults;

    NovaConfigurationFactory(Class<T> klass, Validator validator, ObjectMapper mapper, String prefix,
                             ConfigurationSourceProvider defaults) {
        super(klass, validator, mapper, prefix);
        this.defaults = defaults;
    }

    @Override
    public T build() throws IOException, ConfigurationException {
        return build(defaults, "");
    }
}
