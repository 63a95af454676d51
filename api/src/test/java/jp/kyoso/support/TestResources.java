package jp.kyoso.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link KyosoTestResource} once for every test of the run. */
@QuarkusTestResource(KyosoTestResource.class)
public final class TestResources {
    private TestResources() {
    }
}
