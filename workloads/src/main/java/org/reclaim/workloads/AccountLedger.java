package org.reclaim.workloads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.heap.SlotKind;

/**
 * account-ledger: Java-style code, the way a Java program keeps records. A chained hash map of
 * accounts ({@code java.util.HashMap}'s nodes written out) over {@code 2n} keys in {@code n}
 * buckets, each account with the list of its last {@value #HISTORY} transactions, newest first;
 * {@code 16n} operations with keys drawn uniformly: deposits (70%: find the account, open it if
 * absent, record a transaction, which trims the history), audits (20%: find the account and sum
 * its history) and closes (10%: unlink the entry, and with it the account and its history).
 *
 * <p>The program copies references on the stack as Java code does, which is what reference
 * counting pays for: cursor variables walk the chains ({@code e = e.next}, {@code c = c.next}:
 * {@code advance}), references are passed to helpers (each helper's parameters are {@code move}s
 * of the caller's references) and returned ({@code find} and {@code open} return the account),
 * and temporaries hold what a statement loads ({@code child}, {@code take}). Every reference the
 * program keeps is a borrow of the table, so the same code is valid Rust and runs under
 * {@code ownership} too, where those copies cost nothing.
 *
 * <p>Live heap (peak bytes in use under {@code manual}, seed 1; {@code lab list} prints it): tiny 29.1 KiB,
 * small 3.6 MiB, default 28.8 MiB, large 230.6 MiB (about 1.75n accounts open at once, each with its
 * entry and up to eight transactions).
 *
 * <pre>{@code
 * final class Entry { Entry next; Account value; long key; }
 * final class Account { Txn history; long id, balance, count; }
 * final class Txn { Txn next; long amount, seq; }
 *
 * static Account find(Entry[] table, long key) {
 *     for (Entry e = table[bucket(key)]; e != null; e = e.next)
 *         if (e.key == key) return e.value;
 *     return null;
 * }
 *
 * static void record(Account a, long amount, long seq) {
 *     Txn t = new Txn(amount, seq);
 *     t.next = a.history;
 *     a.history = t;
 *     a.balance += amount;
 *     a.count++;
 *     Txn c = t;
 *     for (int i = 1; i < HISTORY && c.next != null; i++) c = c.next;
 *     c.next = null;                         // the older transactions are garbage
 * }
 * }</pre>
 */
public final class AccountLedger implements Workload {
    /** Transactions an account keeps. */
    static final int HISTORY = 8;
    // slots
    static final int NEXT = 0, VALUE = 1, HISTORY_SLOT = 0;
    // data words: Entry's key; Account's id, balance and count; Txn's amount and sequence number
    static final int KEY = 0, ID = 0, BALANCE = 1, COUNT = 2, AMOUNT = 0, SEQ = 1;

    @Override public String name() { return "account-ledger"; }

    @Override public String description() {
        return "Java-style code: a hash map of accounts and their transactions, walked with cursors, passed to and returned from helpers";
    }

    @Override public Map<String, Integer> sizes() {
        Map<String, Integer> s = new LinkedHashMap<>();
        s.put("tiny", 64);
        s.put("small", 8_192);
        s.put("default", 65_536);
        s.put("large", 524_288);
        return s;
    }

    @Override public Map<String, Long> liveBytes() {
        return Map.of("tiny", 29776L, "small", 3762520L, "default", 30195528L, "large", 241840000L);
    }

    /** The program's classes: their shapes, defined once per run. */
    private record Classes(int table, int entry, int account, int txn) {}

    @Override
    public long run(Mutator m, int n, long seed, Map<String, String> params) {
        Classes s = new Classes(m.shapes().defineSlotArray("Entry[]", SlotKind.OWNED, 0),
                m.shapes().define("Entry", 1, SlotKind.OWNED, SlotKind.OWNED),
                m.shapes().define("Account", 3, SlotKind.OWNED),
                m.shapes().define("Txn", 2, SlotKind.OWNED));
        SplittableRandom random = new SplittableRandom(seed);
        int keys = 2 * n;
        long checksum = 0;
        int main = m.enter();
        int table = m.alloc(s.table(), n);
        int run = m.enter();   // the block that holds the borrow every call is given: it ends before the table is dropped
        int map = m.borrow(table);
        for (long seq = 0, operations = 16L * n; seq < operations; seq++) {
            long key = random.nextInt(keys);
            int choice = random.nextInt(10);
            int step = m.enter();
            if (choice < 7) {
                long amount = random.nextInt(2001) - 1000;
                int account = find(m, map, key);
                if (account == Handles.NONE) account = open(m, s, map, key);
                record(m, s, account, amount, seq);
            } else if (choice < 9) {
                int account = find(m, map, key);
                if (account != Handles.NONE) checksum += audit(m, account);
            } else {
                checksum += close(m, map, key);
            }
            m.exit(step);
        }
        checksum = checksum * 31 + total(m, map);
        m.exit(run);
        m.drop(table);
        m.exit(main);
        return checksum;
    }

    /** The bucket of {@code key} in a table of {@code buckets} (Fibonacci hashing). */
    static int bucket(long key, int buckets) {
        return (int) Long.remainderUnsigned((key * 0x9E3779B97F4A7C15L) >>> 32, buckets);
    }

    /** {@code find(table, key)}: the account under {@code key}, or none. */
    static int find(Mutator m, int tableArg, long key) {
        int body = m.enter();
        int table = m.move(tableArg);
        int e = m.child(table, bucket(key, m.length(table)));
        if (e != Handles.NONE) {
            do {
                if (m.read(e, KEY) == key) return m.ret(body, m.child(e, VALUE));
            } while (m.advance(e, NEXT));
        }
        m.exit(body);
        return Handles.NONE;
    }

    /** {@code table[b] = new Entry(key, new Account(key), table[b])}; returns the new account. */
    static int open(Mutator m, Classes s, int tableArg, long key) {
        int body = m.enter();
        int table = m.move(tableArg);
        int b = bucket(key, m.length(table));
        int account = m.alloc(s.account(), 0);
        m.write(account, ID, key);
        int entry = m.alloc(s.entry(), 0);
        m.write(entry, KEY, key);
        m.put(entry, VALUE, account);
        m.put(entry, NEXT, m.take(table, b));
        m.put(table, b, entry);
        int head = m.child(table, b);
        return m.ret(body, m.child(head, VALUE));
    }

    /** {@code record(a, amount, seq)}: a new transaction at the head of the history, which keeps its last {@value #HISTORY}. */
    static void record(Mutator m, Classes s, int accountArg, long amount, long seq) {
        int body = m.enter();
        int a = m.move(accountArg);
        int t = m.alloc(s.txn(), 0);
        m.write(t, AMOUNT, amount);
        m.write(t, SEQ, seq);
        m.put(t, NEXT, m.take(a, HISTORY_SLOT));
        m.put(a, HISTORY_SLOT, t);
        m.write(a, BALANCE, m.read(a, BALANCE) + amount);
        m.write(a, COUNT, m.read(a, COUNT) + 1);
        int c = m.child(a, HISTORY_SLOT);
        for (int i = 1; i < HISTORY && !m.isNull(c, NEXT); i++) m.advance(c, NEXT);
        if (!m.isNull(c, NEXT)) m.drop(m.take(c, NEXT));
        m.exit(body);
    }

    /** {@code audit(a)}: the balance and every kept transaction, summed. */
    static long audit(Mutator m, int accountArg) {
        int body = m.enter();
        int a = m.move(accountArg);
        long sum = m.read(a, BALANCE) * 7 + m.read(a, COUNT);
        int t = m.child(a, HISTORY_SLOT);
        if (t != Handles.NONE) {
            do {
                sum += m.read(t, AMOUNT) * 3 + m.read(t, SEQ);
            } while (m.advance(t, NEXT));
        }
        m.exit(body);
        return sum;
    }

    /** {@code close(table, key)}: unlinks the entry of {@code key}, if any, and returns its account's balance. */
    static long close(Mutator m, int tableArg, long key) {
        int body = m.enter();
        int table = m.move(tableArg);
        int b = bucket(key, m.length(table));
        long balance = 0;
        int e = m.child(table, b);
        if (e != Handles.NONE && m.read(e, KEY) == key) {
            balance = unlink(m, table, b);
        } else if (e != Handles.NONE) {
            while (!m.isNull(e, NEXT)) {
                int next = m.child(e, NEXT);
                if (m.read(next, KEY) == key) {
                    balance = unlink(m, e, NEXT);
                    break;
                }
                m.advance(e, NEXT);
            }
        }
        m.exit(body);
        return balance;
    }

    /**
     * {@code Entry removed = x[slot]; x[slot] = removed.next;} and the removed entry dropped (its
     * account and history with it); returns the account's balance, read in a block of its own so
     * that the borrow has ended when the entry is dropped.
     */
    static long unlink(Mutator m, int holderArg, int slot) {
        int body = m.enter();
        int holder = m.move(holderArg);
        int removed = m.take(holder, slot);
        m.put(holder, slot, m.take(removed, NEXT));
        int block = m.enter();
        long balance = m.read(m.child(removed, VALUE), BALANCE);
        m.exit(block);
        m.drop(removed);
        m.exit(body);
        return balance;
    }

    /** Every account's key, balance and count, summed over the table in bucket order. */
    static long total(Mutator m, int tableArg) {
        int body = m.enter();
        int table = m.move(tableArg);
        long sum = 0;
        for (int b = 0, n = m.length(table); b < n; b++) {
            int bucket = m.enter();
            int e = m.child(table, b);
            if (e != Handles.NONE) {
                do {
                    int a = m.child(e, VALUE);
                    sum = sum * 31 + m.read(e, KEY) * 17 + m.read(a, BALANCE) * 5 + m.read(a, COUNT);
                } while (m.advance(e, NEXT));
            }
            m.exit(bucket);
        }
        m.exit(body);
        return sum;
    }
}
