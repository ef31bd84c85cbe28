package io.ferry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.credentials.Credentials;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {
    /** One line per well-known secret carrier: the text, and what every Ferry message shows instead. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "GET /b/k?X-Amz-Security-Token=FQoGZXIvYXdzEJr%2F&X-Amz-Date=20261206 | GET /b/k?X-Amz-Security-Token=****&X-Amz-Date=20261206",
        "x-amz-security-token: FQoGZXIvYXdzEJr/abc                           | x-amz-security-token: ****",
        "url ?X-Amz-Signature=0123456789abcdef0123 done                      | url ?X-Amz-Signature=**** done",
        "Authorization: AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1/s3/aws4_request, Signature=0123456789abcdef | Authorization: ****",
        "SignedHeaders=host, Signature=0123456789abcdef0123456789abcdef      | SignedHeaders=host, Signature=****",
        "sent TD1 1/0123456789abcdef and failed                              | sent TD1 **** and failed",
        "td://1/abcdef@api.treasuredata.com/db/t                             | td://****@api.treasuredata.com/db/t",
        "td://@/db/tbl                                                       | td://@/db/tbl",
        "endpoint https://minio:minioSecret1@127.0.0.1:9000/b                 | endpoint https://minio:****@127.0.0.1:9000/b",
        "s3://bucket/key@2x.csv at http://127.0.0.1:9000                     | s3://bucket/key@2x.csv at http://127.0.0.1:9000",
        "expected td://[API_KEY]@[HOST]/DATABASE/TABLE                       | expected td://[API_KEY]@[HOST]/DATABASE/TABLE",
        "https://h/x?apikey=1234&mode=x                                      | https://h/x?apikey=****&mode=x",
        "`{\"secret_access_key\": \"wJalr/EXAMPLE\", \"region\": \"x\"}`      | `{\"secret_access_key\": \"****\", \"region\": \"x\"}`",
        "session_token=IQoJb3JpZ2luX2Vj other                                 | session_token=**** other",
        "AccessDenied (HTTP 403): Access Denied                              | AccessDenied (HTTP 403): Access Denied",
        "the authorization header is malformed; the region 'us-east-1' is wrong | the authorization header is malformed; the region 'us-east-1' is wrong",
    })
    void redact_masksWellKnownCarriers(String text, String expected) {
        assertThat(Secrets.redact(text)).isEqualTo(expected);
        assertThat(new FerryException(text).getMessage()).isEqualTo(expected);
    }

    /** One line per text: a URI, perhaps malformed, and the same with its user part masked. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "td://1/abcdef@api.treasuredata.com/db/t  | td://****@api.treasuredata.com/db/t",
        "td://k@y@host/db/t                       | td://****@host/db/t",
        "td://key@host/db/t?mode=append&x=a@b     | td://****@host/db/t?mode=append&x=a@b",
        "key@host/db                              | ****@host/db",
        "td://@host/db/t                          | td://@host/db/t",
        "td://host/db/t                           | td://host/db/t",
        "td:/key@host                             | ****@host",
    })
    void maskUserInfo_masksEverythingBeforeTheLastAt(String uri, String expected) {
        assertThat(Secrets.maskUserInfo(uri)).isEqualTo(expected);
    }

    @Test
    void maskUserInfo_null_givesNull() {
        assertThat(Secrets.maskUserInfo(null)).isNull();
    }

    @Test
    void redactWithSecret_masksAnUnregisteredShortSecretAndTheCarriers() {
        assertThat(Secrets.redact("key abc12 sent as TD1 abc12", "abc12")).isEqualTo("key **** sent as TD1 ****");
        assertThat(Secrets.redact("apikey=zz9 and zz9", "zz9")).isEqualTo("apikey=**** and ****");
        assertThat(Secrets.redact("nothing here", null)).isEqualTo("nothing here");
        assertThat(Secrets.redact(null, "abc12")).isNull();
    }

    @Test
    void redact_thousandsOfTdSchemes_answersOnASmallStack() throws InterruptedException {
        // found by TdUriFuzzTest: the td:// pattern recursed once per /-segment and overflowed the stack
        String noKey = "td://".repeat(2000);
        String[] out = new String[2];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                out[0] = Secrets.redact(noKey);
                out[1] = Secrets.redact(noKey + "x@h/db/t");
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertThat(failure[0]).isNull();
        assertThat(out[0]).isEqualTo(noKey);
        assertThat(out[1]).isEqualTo("td://****@h/db/t");
    }

    @Test
    void redact_masksRegisteredValuesAndTheirUrlEncodedForm() {
        String secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRETTEST1";
        Secrets.register(secret);
        assertThat(Secrets.redact("key " + secret + " and " + "wJalrXUtnFEMI%2FK7MDENG%2BbPxRfiCYSECRETTEST1."))
                .isEqualTo("key **** and ****.");
    }

    @Test
    void register_ignoresShortValues() {
        Secrets.register("short");
        assertThat(Secrets.redact("a short text")).isEqualTo("a short text");
    }

    @Test
    void credentials_registerTheirSecrets() {
        Credentials.session("AKIDSECRETSTEST", "secretKeyOfSecretsTest0123456789", "tokenOfSecretsTest/0123456789=");
        FerryIoException e = new FerryIoException("S3 said: signature of secretKeyOfSecretsTest0123456789 with"
                + " tokenOfSecretsTest/0123456789= failed", null, true);
        assertThat(e.getMessage()).isEqualTo("S3 said: signature of **** with **** failed");
    }

    @Test
    void dataException_masksTheReasonToo() {
        FerryDataException e = new FerryDataException("s3://b/k", 3, null, "Authorization: TD1 1/abcdefgh");
        assertThat(e.reason()).isEqualTo("Authorization: ****");
        assertThat(e.getMessage()).isEqualTo("s3://b/k, line 3: Authorization: ****");
    }

    @Test
    void cause_holdingASecret_isReplacedByARedactedCopyWithTheSameTrace() {
        IOException root = new IOException("echo X-Amz-Security-Token=TOKENVALUE123456 from server");
        IllegalStateException middle = new IllegalStateException("wrapped", root);
        middle.addSuppressed(new RuntimeException("Authorization: AWS4-HMAC-SHA256 Signature=abc"));
        FerryIoException e = new FerryIoException("cannot read s3://b/k", middle, true);

        assertThat(e.getCause()).isInstanceOf(Secrets.RedactedException.class)
                .hasMessage("java.lang.IllegalStateException: wrapped");
        assertThat(e.getCause().getStackTrace()).isEqualTo(middle.getStackTrace());
        assertThat(e.getCause().getCause()).hasMessage(
                "java.io.IOException: echo X-Amz-Security-Token=**** from server");
        assertThat(((Secrets.RedactedException) e.getCause().getCause()).originalClass())
                .isEqualTo("java.io.IOException");
        assertThat(e.getCause().getSuppressed()[0]).hasMessage("java.lang.RuntimeException: Authorization: ****");
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("TOKENVALUE123456").doesNotContain("Signature=abc")
                .contains("IOException");
    }

    @Test
    void cause_withoutSecrets_isKeptAsIs() {
        IOException root = new IOException("connection reset");
        assertThat(new FerryIoException("cannot read", root, true).getCause()).isSameAs(root);
    }
}
