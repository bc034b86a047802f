package org.reclaim.runtime.ownership;

import org.reclaim.runtime.MemoryFault;

/**
 * The ownership errors {@link CheckedOwnership} raises, each with rustc's code and wording. The
 * variable's name is the one given with {@code Mutator.name}; an unnamed variable is called
 * {@code _}.
 */
enum RustError {
    /** Use (a move), borrow or assignment of a moved value. */
    E0382,
    /** Move out of a variable while it is borrowed ({@code drop(x)} is a move). */
    E0505,
    /** A second {@code &mut} of a variable while the first lives. */
    E0499,
    /** A {@code &mut} while a {@code &} lives, or the reverse. */
    E0502,
    /** Move out of a borrow (a reference moved into an owning slot). */
    E0507,
    /** A borrow outlives the variable it borrows: still alive when the variable's scope ends. */
    E0597;

    /** {@code error[E0382]: <what> of moved value: `x`}, {@code what} being use, borrow or assign to part. */
    static MemoryFault moved(String what, String name) {
        return E0382.fault(what + " of moved value: `" + name + "`");
    }

    static MemoryFault movedWhileBorrowed(String name) {
        return E0505.fault("cannot move out of `" + name + "` because it is borrowed");
    }

    static MemoryFault secondMutableBorrow(String name) {
        return E0499.fault("cannot borrow `" + name + "` as mutable more than once at a time");
    }

    /** {@code wanted} and {@code held} are "mutable" or "immutable". */
    static MemoryFault conflictingBorrow(String name, String wanted, String held) {
        return E0502.fault("cannot borrow `" + name + "` as " + wanted + " because it is also borrowed as " + held);
    }

    static MemoryFault moveOutOfBorrow(String name) {
        return E0507.fault("cannot move out of `*" + name + "` which is behind a reference");
    }

    static MemoryFault doesNotLiveLongEnough(String name) {
        return E0597.fault("`" + name + "` does not live long enough");
    }

    private MemoryFault fault(String message) {
        return new MemoryFault(MemoryFault.Kind.OWNERSHIP, name(), "error[" + name() + "]: " + message);
    }
}
