package jp.kyoso.support.statements;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The application with {@link CountingDriver} and Hibernate's statistics, for {@code StatementCountTest}. */
public class StatementCountProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.driver", CountingDriver.class.getName(),
                "quarkus.hibernate-orm.statistics", "true");
    }
}
