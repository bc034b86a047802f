package org.reclaim.workloads.rust;

import java.util.List;
import org.reclaim.workloads.rust.Ast.*;

/** The static types the checker and the interpreter need: what an expression yields, and what a place holds. */
final class Types {
    static final Type INT = new Type("i64", List.of(), false, false);
    static final Type UNIT = new Type("()", List.of(), false, false);
    static final Type BOOL = new Type("bool", List.of(), false, false);

    private Types() {}

    static Type of(String name, Type... args) { return new Type(name, List.of(args), false, false); }

    static Type ref(Type t, boolean mut) { return new Type(t.name(), t.args(), true, mut); }

    static Type deref(Type t) {
        if (t == null) return null;
        if (t.ref()) return new Type(t.name(), t.args(), false, false);
        if ((t.name().equals("Box") || t.name().equals("Rc")) && t.args().size() == 1) return t.args().get(0);
        return INT;
    }

    /** The struct a value of type {@code t} leads to through references, boxes and Rc; null if none. */
    static String structOf(Type t, Program program) {
        while (t != null) {
            if (program.struct(t.name()) != null) return t.name();
            if (t.args().size() != 1) return null;
            t = t.args().get(0);
        }
        return null;
    }

    static boolean isInt(Type t) { return t != null && !t.ref() && t.copy() && !t.name().equals("()"); }
}
