using YiyangPortal.Web.Features.Agreements;

namespace YiyangPortal.Web.Features.Todo;

/// <summary>The names of the to-do lines (also the localization keys), shared by the homes and the filtered lists.</summary>
public static class TodoLabels
{
    public static string FilingsToSubmit => "待报送或补正的备案";

    public static string FilingsOverdue => "逾期未报送的备案";

    public static string FilingsToReview => "待审查的备案";

    /// <summary>{0} is <see cref="Domain.Agreements.Agreement.EndingSoonDays"/> where it appears.</summary>
    public static string Of(AgreementTodo todo) => todo switch
    {
        AgreementTodo.Draft => "待完成的协议草稿",
        AgreementTodo.Proposals => "待答复的修改建议",
        AgreementTodo.Review => "待本机构审核的协议",
        AgreementTodo.Sign => "待本机构签署的协议",
        AgreementTodo.Ending => "{0} 天内到期的协议",
        AgreementTodo.Termination => "待答复的终止提议",
        AgreementTodo.FeesOverdue => "有逾期未付费用的协议",
        AgreementTodo.Receipts => "有待确认收款的协议",
        AgreementTodo.RecordsOverdue => "有逾期未确认服务记录的协议",
        _ => todo.ToString(),
    };
}
