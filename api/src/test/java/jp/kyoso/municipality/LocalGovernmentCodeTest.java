package jp.kyoso.municipality;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalGovernmentCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"352039", "011002", "352161", "072010", "132241", "131016"})
    void realCodesAreValid(String code) {
        assertTrue(LocalGovernmentCode.isValid(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"352030", "352031", "011001", "35203", "3520399", "35203a", "", " 352039"})
    void wrongCheckDigitsAndShapesAreInvalid(String code) {
        assertFalse(LocalGovernmentCode.isValid(code));
    }
}
