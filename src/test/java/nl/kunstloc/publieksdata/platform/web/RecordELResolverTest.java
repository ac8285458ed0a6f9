package nl.kunstloc.publieksdata.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.el.ELContext;
import jakarta.el.PropertyNotWritableException;
import org.junit.jupiter.api.Test;

class RecordELResolverTest {

    record Task(String name, int priority) {
    }

    final RecordELResolver resolver = new RecordELResolver();

    @Test
    void readsRecordComponentsAsProperties() {
        ELContext context = context();
        assertThat(resolver.getValue(context, new Task("Profiel", 3), "name")).isEqualTo("Profiel");
        assertThat(context.isPropertyResolved()).isTrue();
        assertThat(resolver.getValue(context, new Task("Profiel", 3), "priority")).isEqualTo(3);
    }

    @Test
    void leavesOtherObjectsAndUnknownNamesToOtherResolvers() {
        ELContext context = context();
        assertThat(resolver.getValue(context, "not a record", "length")).isNull();
        assertThat(context.isPropertyResolved()).isFalse();
        assertThat(resolver.getValue(context, new Task("x", 1), "unknown")).isNull();
        assertThat(context.isPropertyResolved()).isFalse();
    }

    @Test
    void recordsAreReadOnly() {
        ELContext context = context();
        assertThat(resolver.isReadOnly(context, new Task("x", 1), "name")).isTrue();
        assertThatThrownBy(() -> resolver.setValue(context, new Task("x", 1), "name", "y"))
                .isInstanceOf(PropertyNotWritableException.class);
    }

    private static ELContext context() {
        return new ELContext() {
            @Override
            public jakarta.el.ELResolver getELResolver() {
                return null;
            }

            @Override
            public jakarta.el.FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public jakarta.el.VariableMapper getVariableMapper() {
                return null;
            }
        };
    }
}
