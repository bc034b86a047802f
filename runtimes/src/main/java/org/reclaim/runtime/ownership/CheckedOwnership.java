package org.reclaim.runtime.ownership;

import java.util.Arrays;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.Probe;

/**
 * Rust's ownership with the compiler's checks made at run time: the {@code checked} mode
 * ({@code ownership}), for teaching and for the tests. The drops and moves are
 * {@link Ownership}'s; this class adds the borrow checker, and raises each error at the operation
 * that breaks the rule, with rustc's code, wording and the variable's name:
 *
 * <ul>
 *   <li>E0382: a moved-from (or dropped) variable is used ({@link #move}, {@link #drop},
 *       {@link #ret}, moved into a slot: "use of moved value"), borrowed or read ("borrow of
 *       moved value") or written ("assign to part of moved value"). A moved-from handle holds
 *       no address here, so every access through it reaches {@link #nullReference}.</li>
 *   <li>E0505: a variable is moved or dropped while a borrow of it lives.</li>
 *   <li>E0499: a second {@code &mut} of a variable while one lives.</li>
 *   <li>E0502: a {@code &mut} while a {@code &} lives, or a {@code &} while a {@code &mut} lives.</li>
 *   <li>E0507: a borrow moved into an owning slot.</li>
 *   <li>E0597: a variable's scope ends while a borrow of it that was returned to an outer scope
 *       is still alive.</li>
 * </ul>
 *
 * <p>A borrow is a loan of a variable: of the owner it was taken from, or of the variable a
 * borrowed reference was itself borrowed from (a borrow of a child, {@code &x.next}, is a loan of
 * {@code x}). A loan ends when the scope that took it ends, or when its handle is dropped
 * ({@code drop(r)} stands for the last use after which non-lexical lifetimes end it). Borrowing
 * through a reference (a reborrow) is not checked against the loans of the variable, which the
 * reference already holds. Data accesses through the owner while it is borrowed are not checked.
 *
 * <p>The loans live in side arrays indexed by handle entry, grown as {@link Handles} grows:
 * nothing is allocated per operation. The entries holding a loan are also kept on a stack, so a
 * scope's end ends only its own loans instead of visiting every entry, and looks for E0597 only
 * after a {@link #ret} has carried a loan out of the scope (the one way a variable can still be
 * lent when its scope ends: a loan is always taken at a later entry than its variable's).
 */
public final class CheckedOwnership extends Ownership {

    // per handle entry: the entry a borrow is a loan of (0: not a borrow); the loans of a variable
    private int[] lender = new int[256];
    private int[] sharedLoans = new int[256];
    private int[] mutableLoans = new int[256];
    /** The entries holding a loan, ascending (one whose loan ended early stays until its frame ends). */
    private int[] loans = new int[256];
    private int loanCount;
    /** True once a {@link #ret} carries a loan: the scope it ends must look for a variable still lent. */
    private boolean loanReturned;

    public CheckedOwnership(long heapBytes, Probe probe) { super(heapBytes, probe); }

    @Override public String name() { return "ownership"; }

    // ---- moved values ----

    /** A moved-from handle holds nothing: any later access reaches {@link #nullReference}. */
    @Override
    protected void moveOut(int i) { handles.kill(i); }

    /** A dead handle dereferenced: E0382, borrow of moved value. */
    @Override
    protected RuntimeException nullReference(int entry) {
        if (handles.kind(entry) == Handles.DEAD) return RustError.moved("borrow", nameOf(entry));
        return super.nullReference(entry);
    }

    @Override
    public void write(int h, int i, long value) {
        int e = entry(h);
        if (handles.kind(e) == Handles.DEAD) throw RustError.moved("assign to part", nameOf(e));
        super.write(h, i, value);
    }

    @Override
    public int upgrade(int weak) {
        int e = entry(weak);
        if (handles.kind(e) == Handles.DEAD) throw RustError.moved("borrow", nameOf(e));
        return super.upgrade(weak);
    }

    // ---- borrows ----

    @Override
    public int borrow(int h) {
        int i = entry(h);
        checkLoan(i, false);
        return lend(i, super.borrow(h));
    }

    @Override
    public int borrowMut(int h) {
        int i = entry(h);
        checkLoan(i, true);
        return lend(i, super.borrowMut(h));
    }

    @Override
    public int borrow(int h, int slot) {
        int i = entry(h);
        checkLoan(i, false);
        return lend(i, super.borrow(h, slot));
    }

    @Override
    public int child(int h, int slot) {
        int i = entry(h);
        checkLoan(i, false);
        int c = super.child(h, slot);
        return c == Handles.NONE ? Handles.NONE : lend(i, c);
    }

    /** E0499 or E0502 if variable {@code i} cannot be lent now; a reborrow through a reference is not checked. */
    private void checkLoan(int i, boolean mutable) {
        covers(i);
        if (isBorrow(handles.kind(i))) return;
        if (mutableLoans[i] > 0)
            throw mutable ? RustError.secondMutableBorrow(nameOf(i))
                          : RustError.conflictingBorrow(nameOf(i), "immutable", "mutable");
        if (mutable && sharedLoans[i] > 0) throw RustError.conflictingBorrow(nameOf(i), "mutable", "immutable");
    }

    /** Records the borrow {@code r}, taken through entry {@code from}, as a loan of the variable behind it. */
    private int lend(int from, int r) {
        int ri = Handles.indexOf(r);                          // just pushed, above from and its owner
        covers(ri);
        int owner = lender[from] != 0 ? lender[from] : from;
        lender[ri] = owner;
        if (handles.kind(ri) == Handles.BORROW_MUT) mutableLoans[owner]++; else sharedLoans[owner]++;
        holdsLoan(ri);
        return r;
    }

    /** Entry {@code i} (the newest) holds a loan: pushed on the stack of loans. */
    private void holdsLoan(int i) {
        int n = loanCount;
        while (n > 0 && loans[n - 1] >= i) n--;
        if (n == loans.length) loans = Arrays.copyOf(loans, n * 2);
        loans[n] = i;
        loanCount = n + 1;
    }

    /** Loan-holding entries of the open frames (ended ones included until their frame ends): for tests. */
    int trackedLoans() { return loanCount; }

    private void endLoan(int i) {
        int owner = lender[i];
        if (owner == 0) return;
        if (handles.kind(i) == Handles.BORROW_MUT) mutableLoans[owner]--; else sharedLoans[owner]--;
        lender[i] = 0;
    }

    private boolean lent(int i) { return sharedLoans[i] > 0 || mutableLoans[i] > 0; }

    // ---- moves ----

    @Override
    public int move(int h) {
        int i = entry(h);
        byte k = checkMovable(i);
        int m = super.move(h);
        return isBorrow(k) ? lend(i, m) : m;
    }

    @Override
    public void drop(int h) {
        int i = entry(h);
        if (isBorrow(checkMovable(i))) endLoan(i);
        super.drop(h);
    }

    @Override
    public void put(int h, int slot, int value) {
        int target = entry(h);
        if (handles.kind(target) == Handles.DEAD) throw RustError.moved("assign to part", nameOf(target));
        if (value != Handles.NONE) {
            int v = entry(value);
            if (isBorrow(checkMovable(v)) && slotKind(access(h), slot) != SlotKind.WEAK)
                throw RustError.moveOutOfBorrow(nameOf(v));
        }
        super.put(h, slot, value);
    }

    /**
     * {@code return x}: a returned borrow keeps its loan, which leaves with it instead of ending
     * with the scope (E0597 at the scope's end if the variable lent is the scope's own).
     */
    @Override
    public int ret(int h) {
        int i = entry(h);
        covers(i);                                            // the entry returned to is at or below i
        if (handles.kind(i) == Handles.DEAD) throw RustError.moved("use", nameOf(i));
        int owner = lender[i];
        lender[i] = 0;
        if (owner != 0) loanReturned = true;
        int r = super.ret(h);
        int ri = Handles.indexOf(r);
        lender[ri] = owner;
        if (owner != 0) holdsLoan(ri);
        return r;
    }

    /** E0382 if entry {@code i} was moved, E0505 if it is an owner with a live loan; returns its kind. */
    private byte checkMovable(int i) {
        covers(i);
        byte k = handles.kind(i);
        if (k == Handles.DEAD) throw RustError.moved("use", nameOf(i));
        if (!isBorrow(k) && lent(i)) throw RustError.movedWhileBorrowed(nameOf(i));
        return k;
    }

    // ---- scope end ----

    /**
     * Ends the scope's loans, raises E0597 if one of its variables is still lent (to a borrow
     * returned out of the scope), then drops as {@link Ownership} does.
     */
    @Override
    protected void scopeEnd(int base, int top) {
        int n = loanCount;                                    // each was covered when it was lent
        while (n > 0 && loans[n - 1] >= base) endLoan(loans[--n]);
        loanCount = n;
        if (loanReturned) checkNothingLent(base, top);
        super.scopeEnd(base, top);
    }

    /** E0597 if a variable of the frame {@code [base, top)} is still lent, its counts then cleared. */
    private void checkNothingLent(int base, int top) {
        loanReturned = false;
        covers(top - 1);
        for (int i = base; i < top; i++) {
            if (!lent(i)) continue;               // no loan left: the entry's counts are already 0 for its next use
            RuntimeException e = RustError.doesNotLiveLongEnough(nameOf(i));
            Arrays.fill(sharedLoans, base, top, 0);
            Arrays.fill(mutableLoans, base, top, 0);
            abandonFrameOwners();
            throw e;
        }
    }

    // ---- helpers ----

    private static boolean isBorrow(byte kind) { return kind == Handles.BORROW || kind == Handles.BORROW_MUT; }

    private String nameOf(int i) {
        String n = handles.name(i);
        return n == null ? "_" : n;
    }

    /** Grows the side arrays, if they are shorter, to cover entry {@code i} (to the handles' capacity). */
    private void covers(int i) {
        if (i < lender.length) return;
        int n = Math.max(handles.capacity(), i + 1);
        lender = Arrays.copyOf(lender, n);
        sharedLoans = Arrays.copyOf(sharedLoans, n);
        mutableLoans = Arrays.copyOf(mutableLoans, n);
    }
}
