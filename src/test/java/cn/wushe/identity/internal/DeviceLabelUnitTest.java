package cn.wushe.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The short form of a User-Agent beside a remembered device: recognisable, never the whole string. */
class DeviceLabelUnitTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Mozilla/5.0 (Linux; Android 14; V2302A) AppleWebKit/537.36 Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.50 | 微信 · Android
            Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1 | Safari · iPhone
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0 | Edge · Windows
            Mozilla/5.0 (Linux; Android 12; HarmonyOS; NOH-AN00) AppleWebKit/537.36 Chrome/99.0 Mobile Safari/537.36 | Chrome · HarmonyOS
            Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0 | Firefox · macOS
            curl/8.5.0 | 浏览器 · 其他系统
            """)
    void namesBrowserAndSystem(String userAgent, String label) {
        assertThat(DeviceLabel.of(userAgent)).isEqualTo(label);
    }
}
