package nl.kunstloc.publieksdata.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a session holds must survive being copied to another node (web.xml is {@code <distributable/>}, the
 * nodes replicate sessions through Payara's Hazelcast; docs/operations.md, "Several nodes"). A view- or
 * session-scoped bean is serialised with its fields, so:
 * <ul>
 * <li>an injected field must not be {@code transient}: CDI does not inject again after deserialisation,
 * the copy on the other node would hold null and the page would fail at its next click (the injected value is a
 * serialisable client proxy or EJB reference);</li>
 * <li>every other field that is not {@code transient} has a type that can be serialised, checked into our own
 * records, entities and the element types of collections ({@code Optional}, for one, cannot);</li>
 * <li>a {@code transient} field that is not injected is a cache the bean fills again when it finds it empty
 * (or an upload {@code Part}, which lives for one request).</li>
 * </ul>
 */
class SessionStateTest {

    static List<Class<?>> sessionBeans;

    @BeforeAll
    static void findSessionBeans() throws ClassNotFoundException {
        sessionBeans = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.kunstloc.publieksdata")) {
            if (c.isAnnotatedWith(ViewScoped.class) || c.isAnnotatedWith(SessionScoped.class)) {
                sessionBeans.add(Class.forName(c.getName()));
            }
        }
    }

    @Test
    void thereAreViewBeansToCheck() {
        assertThat(sessionBeans).as("view- and session-scoped beans found").hasSizeGreaterThan(30);
    }

    @Test
    void everyViewAndSessionBeanIsSerializable() {
        assertThat(sessionBeans).filteredOn(c -> !Serializable.class.isAssignableFrom(c)).as("not Serializable").isEmpty();
    }

    @Test
    void noInjectedFieldIsTransient() {
        List<String> transientInjections = new ArrayList<>();
        for (Class<?> bean : sessionBeans) {
            for (Field f : fields(bean)) {
                if (injected(f) && Modifier.isTransient(f.getModifiers())) {
                    transientInjections.add(bean.getSimpleName() + "." + f.getName());
                }
            }
        }
        assertThat(transientInjections).as("injected fields that would be null on another node").isEmpty();
    }

    @Test
    void everyFieldThatTravelsCanBeSerialised() {
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : sessionBeans) {
            for (Field f : fields(bean)) {
                if (!injected(f) && !Modifier.isTransient(f.getModifiers())) {
                    String problem = unserialisable(f.getGenericType(), new HashSet<>());
                    if (problem != null) {
                        problems.add(bean.getSimpleName() + "." + f.getName() + ": " + problem);
                    }
                }
            }
        }
        assertThat(problems).as("fields of view/session beans that cannot be copied to another node").isEmpty();
    }

    @Test
    void theInjectedBeansOfViewBeansArePassivationCapable() {
        // a normal-scoped or EJB bean is injected as a serialisable proxy; a dependent one is copied whole
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : sessionBeans) {
            for (Field f : fields(bean)) {
                if (injected(f) && f.getType().getName().startsWith("nl.kunstloc.")) {
                    Class<?> type = f.getType();
                    boolean proxied = type.isAnnotationPresent(ApplicationScoped.class) || type.isAnnotationPresent(RequestScoped.class)
                            || type.isAnnotationPresent(SessionScoped.class) || type.isAnnotationPresent(ViewScoped.class)
                            || type.isAnnotationPresent(jakarta.ejb.Stateless.class) || type.isAnnotationPresent(jakarta.ejb.Singleton.class);
                    if (!proxied && !Serializable.class.isAssignableFrom(type)) {
                        problems.add(bean.getSimpleName() + "." + f.getName() + " (" + type.getSimpleName() + ")");
                    }
                }
            }
        }
        assertThat(problems).as("dependent beans injected into view beans that are not Serializable").isEmpty();
    }

    private static boolean injected(Field f) {
        return f.isAnnotationPresent(Inject.class) || f.isAnnotationPresent(EJB.class)
                || f.isAnnotationPresent(jakarta.annotation.Resource.class);
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    /** A type with writeReplace travels as another object; its own round-trip test covers it (PreviewTest). */
    private static boolean writesItselfAsAnother(Class<?> c) {
        try {
            c.getDeclaredMethod("writeReplace");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Why a value of this type cannot be serialised, or null when it can. */
    private static String unserialisable(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            String raw = unserialisable(p.getRawType(), seen);
            if (raw != null) {
                return raw;
            }
            for (Type argument : p.getActualTypeArguments()) {
                String problem = unserialisable(argument, seen);
                if (problem != null) {
                    return problem + " (in " + p.getTypeName() + ")";
                }
            }
            return null;
        }
        if (type instanceof GenericArrayType a) {
            return unserialisable(a.getGenericComponentType(), seen);
        }
        if (type instanceof WildcardType w) {
            return w.getUpperBounds().length == 0 ? null : unserialisable(w.getUpperBounds()[0], seen);
        }
        if (!(type instanceof Class<?> c)) {
            return null; // a type variable: checked where it is bound
        }
        if (c.isPrimitive() || c.isEnum()) {
            return null;
        }
        if (c.isArray()) {
            return unserialisable(c.getComponentType(), seen);
        }
        if (c == Object.class) {
            return "Object (anything)";
        }
        // the collection interfaces: their JDK implementations are serialisable, their elements are checked above
        if (c == List.class || c == Set.class || c == Map.class || c == Collection.class || c == java.util.SortedMap.class
                || c == java.util.SortedSet.class) {
            return null;
        }
        if (!Serializable.class.isAssignableFrom(c)) {
            return c.getName() + " is not Serializable";
        }
        if (!c.getName().startsWith("nl.kunstloc.") || !seen.add(c) || writesItselfAsAnother(c)) {
            return null;
        }
        // our own serialisable types must not carry something that is not
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                String problem = unserialisable(component.getGenericType(), seen);
                if (problem != null) {
                    return problem + " (component " + c.getSimpleName() + "." + component.getName() + ")";
                }
            }
            return null;
        }
        for (Field f : fields(c)) {
            if (!Modifier.isTransient(f.getModifiers())) {
                String problem = unserialisable(f.getGenericType(), seen);
                if (problem != null) {
                    return problem + " (field " + c.getSimpleName() + "." + f.getName() + ")";
                }
            }
        }
        return null;
    }
}
