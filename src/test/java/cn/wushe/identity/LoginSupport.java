package cn.wushe.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Logs in through the real form and reads what the login page then says. */
public final class LoginSupport {

    private static final Pattern DANGER = Pattern.compile("class=\"alert alert-danger\"[^>]*>([^<]*)<");

    private final MockMvc mvc;

    public LoginSupport(MockMvc mvc) {
        this.mvc = mvc;
    }

    /**
     * A request as a browser sends it: with the session and its id in the cookie (so the server
     * can tell a live session from one it has ended, and changes the id at login).
     */
    public static RequestPostProcessor browser(MockHttpSession session) {
        return request -> {
            request.setSession(session);
            request.setRequestedSessionId(session.getId());
            request.setRequestedSessionIdFromCookie(true);
            return request;
        };
    }

    /** The result of {@code POST /login} in a fresh session. */
    public MvcResult submit(String username, String password) throws Exception {
        return submit(new MockHttpSession(), username, password);
    }

    public MvcResult submit(MockHttpSession session, String username, String password) throws Exception {
        return mvc.perform(post("/login").with(browser(session)).with(csrf())
                .param("username", username).param("password", password)).andReturn();
    }

    /** A signed-in session, or an assertion error if the login was refused. */
    public MockHttpSession signIn(String username, String password) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result = submit(session, username, password);
        String target = result.getResponse().getRedirectedUrl();
        if (target == null || target.startsWith("/login")) {
            throw new AssertionError("login refused for " + username + ": " + target);
        }
        return session;
    }

    /** What the login page shows after a refused attempt (empty when it shows nothing). */
    public String refusalShown(String username, String password) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result = submit(session, username, password);
        if (!"/login?error".equals(result.getResponse().getRedirectedUrl())) {
            return "SIGNED_IN";
        }
        String html = mvc.perform(get("/login").param("error", "").with(browser(session))).andReturn()
                .getResponse().getContentAsString();
        Matcher shown = DANGER.matcher(html);
        return shown.find() ? shown.group(1).strip() : "";
    }
}
