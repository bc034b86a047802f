package org.reclaim.workloads.rust;

import org.reclaim.workloads.rust.Ast.*;

/**
 * {@code RefCell}: the subset reads {@code RefCell::new(x)} in a struct literal as {@code x}, and
 * {@code *f.borrow_mut() = v} as an assignment to the field {@code f}. The cell's run-time borrow
 * flag is not modelled (nothing in the subset can make it panic), and the checker treats
 * {@code .borrow()}/{@code .borrow_mut()} as shared uses, as rustc does (interior mutability).
 */
final class RefCells {
    private RefCells() {}

    static boolean isBorrow(Method m) {
        return (m.name().equals("borrow") || m.name().equals("borrow_mut")) && m.args().isEmpty()
                && m.receiver() instanceof FieldAccess;
    }

    /** {@code *f.borrow_mut()} as the field {@code f}; anything else as it is. */
    static Expr strip(Expr target) {
        return target instanceof Deref d && d.target() instanceof Method m && isBorrow(m) ? m.receiver() : target;
    }
}
