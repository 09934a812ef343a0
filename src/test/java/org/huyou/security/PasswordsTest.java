package org.huyou.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strength check every new password goes through: the bundled list and the rules, each with its reason. */
class PasswordsTest {

    static final String HOME = "滨州市儿童福利院";

    static String why(String password) {
        return Passwords.weakness(password, "wanghl", HOME);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "woaini1314",
                "5201314a",
                "123456789a",
                "zhangwei123",
                "qwerty123",
                "password1",
                "iloveyou",
                "Password123!",
                "P@ssw0rd",
                "ZhangWei1990",
                "liuyang2024",
                "woaini520",
                "qq123456",
                "admin123",
                "iloveyou1314",
                "aptx4869",
                "beijing2008",
                "Huyou2026",
                "xiaoming!!"
            })
    void commonAndPinyinPasswordsAreRefused(String password) {
        assertEquals("account.passwordCommon", why(password), password);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "123456789",
                "qwertyui",
                "asdfghjkl",
                "1qaz2wsx",
                "abcdefgh",
                "87654321",
                "zxcvbnm,",
                "1q2w3e4r5t",
                "1qaz2wsx3edc",
                "52015201",
                "abcabcabc",
                "woaiwoai",
                "147258369"
            })
    void runsAndRepetitionsAreRefused(String password) {
        String why = why(password);
        assertEquals(
                true,
                "account.passwordSequence".equals(why) || "account.passwordCommon".equals(why),
                password + ": " + why);
    }

    @Test
    void eachRuleSaysWhy() {
        assertEquals("account.passwordTooShort", why("Ab3$xyz"));
        assertEquals("account.passwordTooShort", why(null));
        assertEquals("account.passwordOneChar", why("88888888"));
        assertEquals("account.passwordOneChar", why("aaaaaaaaaaaa"));
        assertEquals("account.passwordOneChar", why("88888888x"));
        assertEquals("account.passwordSequence", why("23456789"));
        assertEquals("account.passwordSequence", why("qwertyuiop"));
        assertEquals("account.passwordDate", why("19900101"));
        assertEquals("account.passwordDate", why("2015-03-07"));
        assertEquals("account.passwordHasUsername", why("Wanghl-Kaixin-7"), "the login name inside it");
        assertEquals("account.passwordHasHomeName", why("binzhou-kaixin-7"), "the home's place in pinyin");
        assertEquals("account.passwordHasHomeName", why("ertong-guanai-9"));
        assertEquals("account.passwordHasHomeName", why("我们的儿童福利院真好"), "its characters too");
        assertEquals("account.passwordHasHomeName", why("bzsetfly-2026"), "its initials");
    }

    @Test
    void theHomesNameAndItsMeaningfulPartsAreRefusedNotAnyTwoOfItsCharacters() {
        assertEquals(java.util.List.of("滨州", "滨州市", "儿童", "福利院"), Passwords.homeNameParts(HOME));
        for (String p :
                new String[] {"binzhoushi-9x", "Kaixin-fuliyuan-9", "滨州孩子们-77", "binzhouertongfuliyuan", "xq-bzsetfly-4"
                }) {
            assertEquals("account.passwordHasHomeName", why(p), p);
        }
        // two characters across its words (市儿 shier, 州市 zhoushi, 利院 liyuan, 童福 tongfu) are no part of the name
        for (String p : new String[] {
            "Shier-Lanhua-31", "zhoushi-Tian-88", "liyuan-Qing-47", "tongfu-Mei-2031", "Zhou-Kaixin-58"
        }) {
            assertNull(why(p), p);
        }
        assertEquals(
                "account.passwordHasHomeName",
                Passwords.weakness("cangxian-Mei-31", null, "沧县儿童福利院"),
                "a one-character place with its 县");
        assertNull(Passwords.weakness("Lanhua-shu-2031", null, "Sunshine Children's Home"));
        assertEquals(
                "account.passwordHasHomeName", Passwords.weakness("sunshine-Mei-31", null, "Sunshine Children's Home"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "correct-horse-1",
                "Lanhua-shu-2031",
                "a-new-password-9",
                "Mz7#qL2!vR",
                "桂花树下读书-9",
                "tulips-and-kites-41",
                "bench-password-1"
            })
    void passwordsNobodyGuessesAreAccepted(String password) {
        assertNull(why(password), password);
    }

    @Test
    void theListIsBundledAndLarge() {
        assertNull(Passwords.weakness("a-new-password-9", null, null));
        assertEquals("account.passwordCommon", Passwords.weakness("woaini1314", null, null));
        assertEquals(true, Passwords.commonListSize() > 2000, "a few thousand entries");
    }
}
