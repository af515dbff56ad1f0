package io.cairn.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import io.cairn.kit.problem.InvalidRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Reads and writes FHIR resources as FHIR JSON with HAPI's parser, never as Jackson beans. */
@Provider
@Consumes({ Fhir.JSON, Fhir.PLAIN_JSON })
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirBodies implements MessageBodyReader<IBaseResource>, MessageBodyWriter<IBaseResource> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    public IBaseResource readFrom(Class<IBaseResource> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) {
        try {
            return Fhir.strictParser().parseResource(type, new InputStreamReader(body, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw new InvalidRequestException(type.getSimpleName(), withoutCode(e.getMessage()));
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(IBaseResource resource, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Fhir.context().newJsonParser().encodeResourceToWriter(resource, writer);
        writer.flush();
    }

    /**
     * HAPI prefixes its messages with an internal code ("HAPI-1825: ") and a JSON syntax error ends with where the
     * reader was ("at [Source: (InputStreamReader)..."), a class name: the client gets only the words between.
     */
    static String withoutCode(String message) {
        if (message == null) {
            return "is not a valid FHIR R4 resource";
        }
        return message.replaceAll("HAPI-\\d+: ", "").replaceFirst("(?s)\\s*at \\[Source:.*", "").strip();
    }
}
