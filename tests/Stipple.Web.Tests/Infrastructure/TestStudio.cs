using Stipple.Domain;

namespace Stipple.Web.Tests.Infrastructure;

public sealed record TestStudio(Guid Id, string Name, string Tag, StaffUser Owner, StaffUser Practitioner, StaffUser FrontDesk, IReadOnlyList<Client> Clients);
