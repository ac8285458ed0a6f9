package nl.kunstloc.publieksdata.report.boundary;

/** Ids from process variables: the engine may hand back an Integer for a value stored as Long. */
final class Variables {

    private Variables() {
    }

    static Long id(Object value, String name) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("process variable " + name + " is missing");
    }
}
