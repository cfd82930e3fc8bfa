using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>A check over one traced file: its statements with the catalog states around each.</summary>
internal interface ITraceRule
{
    IEnumerable<Finding> Check(FileTrace file);
}
