package nl.kunstloc.publieksdata.workflow;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;

/**
 * The transaction manager Camunda gets: Payara's, except that a transaction Camunda begins itself (a job on the
 * job executor, a command outside any container transaction) is begun as a {@link UserTransaction}.
 *
 * <p>Why (issue 15, docs/adr/0016): Payara enlists a connection of a JTA data source only in the transaction that
 * the <em>current component invocation</em> records. {@code TransactionManager.begin()} records nothing there; only
 * {@code UserTransaction.begin()} (and the EJB and {@code @Transactional} interceptors) does. So a job's transaction,
 * begun by Camunda with {@code TransactionManager.begin()} on a thread that carries the start-up bean's invocation
 * (ContextualJobExecutor), got connections in auto-commit mode: Camunda's own statements and the delegate's JPA
 * writes were each committed at once, and a crash in the middle of a job left half of it saved.
 *
 * <p>A component that may not use a {@code UserTransaction} (a CMT bean, a {@code @Transactional} method) refuses
 * it with an IllegalStateException; there the container's transaction is already active in practice, and the plain
 * {@code begin()} stays as it was. Suspend and resume go to Payara directly: the engine uses them only for
 * "requires new" commands, which this portal's configuration (UUID ids) does not issue.
 */
final class ComponentTransactionManager implements TransactionManager {

    private final TransactionManager transactions;
    private final UserTransaction userTransaction;
    /** The transaction this thread began through {@link #userTransaction}, to be ended through it too. */
    private final ThreadLocal<Transaction> begunAsUserTransaction = new ThreadLocal<>();

    ComponentTransactionManager(TransactionManager transactions, UserTransaction userTransaction) {
        this.transactions = transactions;
        this.userTransaction = userTransaction;
    }

    @Override
    public void begin() throws NotSupportedException, SystemException {
        if (transactions.getStatus() == Status.STATUS_NO_TRANSACTION) {
            try {
                userTransaction.begin();
                begunAsUserTransaction.set(transactions.getTransaction());
                return;
            } catch (IllegalStateException notAllowedHere) {
                // a CMT or @Transactional component: begin as before
            }
        }
        transactions.begin();
    }

    @Override
    public void commit() throws RollbackException, HeuristicMixedException, HeuristicRollbackException,
            SecurityException, IllegalStateException, SystemException {
        if (endsUserTransaction()) {
            userTransaction.commit();
        } else {
            transactions.commit();
        }
    }

    @Override
    public void rollback() throws IllegalStateException, SecurityException, SystemException {
        if (endsUserTransaction()) {
            userTransaction.rollback();
        } else {
            transactions.rollback();
        }
    }

    /** Whether the thread's current transaction is the one it began as a user transaction (forgotten from now). */
    private boolean endsUserTransaction() throws SystemException {
        Transaction begun = begunAsUserTransaction.get();
        if (begun == null) {
            return false;
        }
        begunAsUserTransaction.remove();
        return begun.equals(transactions.getTransaction());
    }

    @Override
    public int getStatus() throws SystemException {
        return transactions.getStatus();
    }

    @Override
    public Transaction getTransaction() throws SystemException {
        return transactions.getTransaction();
    }

    @Override
    public void resume(Transaction transaction) throws InvalidTransactionException, IllegalStateException,
            SystemException {
        transactions.resume(transaction);
    }

    @Override
    public void setRollbackOnly() throws IllegalStateException, SystemException {
        transactions.setRollbackOnly();
    }

    @Override
    public void setTransactionTimeout(int seconds) throws SystemException {
        transactions.setTransactionTimeout(seconds);
    }

    @Override
    public Transaction suspend() throws SystemException {
        return transactions.suspend();
    }
}
