package io.launchpad.api.contract;

import io.launchpad.api.taxonomy.KnownCode;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;

/**
 * Taxonomy codes are validated by {@code @KnownCode}, which springdoc cannot see; this
 * turns each one into an {@code enum} on the schema (also inside lists) so generated
 * clients offer the real codes.
 */
@Component
class KnownCodeSchemas implements GlobalOpenApiCustomizer {

    private final Map<String, Class<?>> records = new HashMap<>();

    KnownCodeSchemas() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(
                (reader, factory) -> "java.lang.Record".equals(reader.getClassMetadata().getSuperClassName()));
        for (var definition : scanner.findCandidateComponents("io.launchpad.api")) {
            try {
                Class<?> type = ClassUtils.forName(
                        Objects.requireNonNull(definition.getBeanClassName(), "a scanned component names its class"),
                        getClass().getClassLoader());
                records.putIfAbsent(type.getSimpleName(), type);
            }
            catch (ClassNotFoundException | LinkageError e) {
                // a record that cannot load cannot be a request or response body either
            }
        }
    }

    @Override
    @SuppressWarnings({ "rawtypes", "unchecked" })
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        openApi.getComponents().getSchemas().forEach((name, schema) -> {
            Class<?> type = records.get(name);
            if (type == null || schema.getProperties() == null) {
                return;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                Schema property = (Schema) schema.getProperties().get(component.getName());
                if (property == null) {
                    continue;
                }
                KnownCode direct = component.getAnnotation(KnownCode.class);
                if (direct == null) {
                    direct = component.getAnnotatedType().getAnnotation(KnownCode.class);
                }
                if (direct != null) {
                    property.setEnum(codes(direct));
                }
                AnnotatedType annotated = component.getAnnotatedType();
                if (annotated instanceof AnnotatedParameterizedType parameterized && property.getItems() != null) {
                    KnownCode element = parameterized.getAnnotatedActualTypeArguments()[0]
                        .getAnnotation(KnownCode.class);
                    if (element != null) {
                        property.getItems().setEnum(codes(element));
                    }
                }
            }
        });
    }

    private static List<String> codes(KnownCode code) {
        return new ArrayList<>(code.value().labels().keySet());
    }

}
