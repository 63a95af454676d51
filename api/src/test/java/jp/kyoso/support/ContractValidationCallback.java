package jp.kyoso.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Installs the contract check before every {@code @QuarkusTest} method, in the class loader the
 * test runs in (a test profile restarts the application in a new one). Registered in
 * {@code META-INF/services}, so every test is covered without opting in.
 */
public class ContractValidationCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ContractValidation.install();
    }
}
