package io.ferry.testkit;

/**
 * The S3 REST operation of a path-style request, told apart by method and query parameters, so
 * a {@link FaultPlan} can aim at, say, CompleteMultipartUpload only.
 */
public enum S3Operation {
    PUT_OBJECT, UPLOAD_PART, CREATE_MULTIPART_UPLOAD, COMPLETE_MULTIPART_UPLOAD, ABORT_MULTIPART_UPLOAD,
    LIST_MULTIPART_UPLOADS, LIST_OBJECTS, GET_OBJECT, HEAD_OBJECT, DELETE_OBJECT, COPY_OBJECT, OTHER;

    /** The operation of a path-style request ({@code /bucket/key?query}). */
    public static S3Operation of(ProxiedRequest r) {
        boolean hasKey = r.path().indexOf('/', 1) > 0 && r.path().indexOf('/', 1) < r.path().length() - 1;
        switch (r.method()) {
            case "PUT":
                if (r.hasQueryParameter("uploadId")) {
                    return UPLOAD_PART;
                }
                if (r.header("x-amz-copy-source") != null) {
                    return COPY_OBJECT;
                }
                return hasKey ? PUT_OBJECT : OTHER;
            case "POST":
                if (r.hasQueryParameter("uploads")) {
                    return CREATE_MULTIPART_UPLOAD;
                }
                return r.hasQueryParameter("uploadId") ? COMPLETE_MULTIPART_UPLOAD : OTHER;
            case "DELETE":
                if (r.hasQueryParameter("uploadId")) {
                    return ABORT_MULTIPART_UPLOAD;
                }
                return hasKey ? DELETE_OBJECT : OTHER;
            case "GET":
                if (r.hasQueryParameter("uploads")) {
                    return LIST_MULTIPART_UPLOADS;
                }
                return hasKey ? GET_OBJECT : LIST_OBJECTS;
            case "HEAD":
                return hasKey ? HEAD_OBJECT : OTHER;
            default:
                return OTHER;
        }
    }
}
