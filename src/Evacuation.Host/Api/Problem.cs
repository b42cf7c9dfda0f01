namespace Evacuation.Host.Api;

/// <summary>RFC 7807 answers with a message a person can act on.</summary>
public static class Problem
{
    public static IResult BadRequest(string detail, string title = "The request cannot be used") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed for this key");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflicts with stored data");

    public static IResult UnsupportedMediaType(string expected) =>
        TypedResults.Problem($"Send the body with 'Content-Type: {expected}'.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Wrong content type");

    public static IResult Invalid(IEnumerable<string> errors) =>
        TypedResults.Problem(string.Join("; ", errors), statusCode: StatusCodes.Status400BadRequest, title: "The record was refused");
}
