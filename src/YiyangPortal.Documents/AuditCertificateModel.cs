namespace YiyangPortal.Documents;

/// <summary>One section of an audit certificate: a heading and its lines (each a paragraph).</summary>
public sealed record AuditCertificateSection(string Heading, IReadOnlyList<string> Lines);

/// <summary>
/// The audit certificate (签署审计证书) of an executed agreement (issue 14's evidence package): every event, who did
/// it from which address and when, the hashes of the documents and of the audit chain — as DocuSeal and Documenso
/// append to their completed documents. Printed with the agreement's fonts and page frame.
/// </summary>
public sealed record AuditCertificateModel(string DocumentNumber, string Title, IReadOnlyList<AuditCertificateSection> Sections);
