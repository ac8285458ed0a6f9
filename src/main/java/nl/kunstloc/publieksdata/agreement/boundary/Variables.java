package nl.kunstloc.publieksdata.agreement.boundary;

/**
 * Ids from process variables: the engine may hand back an Integer for a value stored as Long.
 * Takes the plain value, so it needs no Camunda type (only *Delegate classes may know Camunda).
 */
final class Variables {

    private Variables() {
    }

    static Long id(Object value, String name) {
        Long id = optionalId(value);
        if (id == null) {
            throw new IllegalStateException("process variable " + name + " is missing");
        }
        return id;
    }

    static Long optionalId(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
