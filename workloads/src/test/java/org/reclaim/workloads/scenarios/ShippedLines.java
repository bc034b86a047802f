package org.reclaim.workloads.scenarios;

/**
 * The rows (from 0) of the shipped scenarios' {@code .rs} files that the expectations name, so a
 * test reads {@code Orders.LET_ORDERS} rather than a bare number; taken from the Java listings the
 * files replaced, line for line.
 */
final class ShippedLines {
    private ShippedLines() {}

    /** {@code orders.rs}. */
    static final class Orders {
        static final String NAME = "orders";
        static final int FINISH = 0;
        static final int FN = 1;
        static final int LET_ORDERS = 2;
        static final int LET_TOTAL = 3;
        static final int FOR = 4;
        static final int ADD = 5;
        static final int END_FOR = 6;
        static final int FINAL = 7;
        static final int DEALLOC = 8;
        static final int RETURN = 9;
        static final int END_FN = 10;
        static final int MAIN = 11;
    }

    /** {@code orders-early-scope.rs}. */
    static final class OrdersEarlyScope {
        static final String NAME = "orders-early-scope";
        static final int FINISH = 0;
        static final int FN = 1;
        static final int LET_TOTAL = 2;
        static final int OPEN = 3;
        static final int LET_ORDERS = 4;
        static final int FOR = 5;
        static final int ADD = 6;
        static final int END_FOR = 7;
        static final int DEALLOC = 8;
        static final int CLOSE = 9;
        static final int FINAL = 10;
        static final int RETURN = 11;
        static final int END_FN = 12;
        static final int MAIN = 13;
    }

    /** {@code years-returned.rs}. */
    static final class YearsReturned {
        static final String NAME = "years-returned";
        static final int FN = 0;
        static final int LET_YEARS = 1;
        static final int RETURN = 2;
        static final int END_FN = 3;
        static final int MAIN = 4;
        static final int LET_MAIN = 5;
        static final int PRINT = 6;
        static final int DEALLOC = 7;
        static final int END_MAIN = 8;
    }

    /** {@code print-years-twice.rs}. */
    static final class PrintYearsTwice {
        static final String NAME = "print-years-twice";
        static final int FN = 0;
        static final int FOR = 1;
        static final int PRINTLN = 2;
        static final int END_FOR = 3;
        static final int DEALLOC = 4;
        static final int END_FN = 5;
        static final int MAIN = 6;
        static final int LET_YEARS = 7;
        static final int CALL_1 = 8;
        static final int CALL_2 = 9;
        static final int END_MAIN = 10;
    }

    /** {@code print-years-clone.rs}. */
    static final class PrintYearsClone {
        static final String NAME = "print-years-clone";
        static final int FN = 0;
        static final int FOR = 1;
        static final int PRINTLN = 2;
        static final int END_FOR = 3;
        static final int DEALLOC = 4;
        static final int END_FN = 5;
        static final int MAIN = 6;
        static final int LET_YEARS = 7;
        static final int CALL_CLONE = 8;
        static final int CALL = 9;
        static final int END_MAIN = 10;
    }

    /** {@code double-free.rs}. */
    static final class DoubleFree {
        static final String NAME = "double-free";
        static final int FINISH = 0;
        static final int FN = 1;
        static final int LET_ORDERS = 2;
        static final int LET_TOTAL = 3;
        static final int FOR = 4;
        static final int ADD = 5;
        static final int END_FOR = 6;
        static final int DROP_1 = 7;
        static final int FINAL = 8;
        static final int DROP_2 = 9;
        static final int RETURN = 10;
        static final int END_FN = 11;
        static final int MAIN = 12;
    }

    /** {@code use-after-free.rs}. */
    static final class UseAfterFree {
        static final String NAME = "use-after-free";
        static final int FINISH = 0;
        static final int FN = 1;
        static final int LET_ORDERS = 2;
        static final int LET_TOTAL = 3;
        static final int DROP = 4;
        static final int LET_PRICES = 5;
        static final int FOR = 6;
        static final int ADD = 7;
        static final int END_FOR = 8;
        static final int FINAL = 9;
        static final int DEALLOC = 10;
        static final int RETURN = 11;
        static final int END_FN = 12;
        static final int MAIN = 13;
    }

    /** {@code context-moved.rs}. */
    static final class ContextMoved {
        static final String NAME = "context-moved";
        static final int STRUCT = 0;
        static final int NEW = 1;
        static final int USE_FN = 2;
        static final int MAIN = 3;
        static final int LET_CONTEXT = 4;
        static final int OPEN = 5;
        static final int LET_CONTEXT2 = 6;
        static final int DESTROY = 7;
        static final int CLOSE = 8;
        static final int USE = 9;
        static final int END_MAIN = 10;
    }

    /** {@code borrowed-length.rs}. */
    static final class BorrowedLength {
        static final String NAME = "borrowed-length";
        static final int STRUCT = 0;
        static final int FN = 1;
        static final int BODY = 2;
        static final int END_FN = 3;
        static final int MAIN = 4;
        static final int LET_DATUM = 5;
        static final int LET_L = 6;
        static final int PRINT = 7;
        static final int DEALLOC = 8;
        static final int END_MAIN = 9;
    }

    /** {@code rc-cycle.rs}. */
    static final class RcCycle {
        static final String NAME = "rc-cycle";
        static final int USE_CELL = 0;
        static final int USE_RC = 1;
        static final int STRUCT = 2;
        static final int MAIN = 3;
        static final int LET_A = 4;
        static final int LET_B = 5;
        static final int LINK = 6;
        static final int PRINT = 7;
        static final int RELEASE_B = 8;
        static final int RELEASE_A = 9;
        static final int END_MAIN = 10;
    }

    /** {@code weak-back-pointer.rs}. */
    static final class WeakBackPointer {
        static final String NAME = "weak-back-pointer";
        static final int USE_CELL = 0;
        static final int USE_RC = 1;
        static final int STRUCT = 2;
        static final int MAIN = 3;
        static final int LET_LEAF = 4;
        static final int LET_BRANCH = 5;
        static final int ADOPT = 6;
        static final int BACK = 7;
        static final int UPGRADE = 8;
        static final int PRINT = 9;
        static final int RELEASE_PARENT = 10;
        static final int RELEASE_BRANCH = 11;
        static final int RELEASE_LEAF = 12;
        static final int END_MAIN = 13;
    }
}
