using Stateless;

namespace YiyangPortal.Domain.Common;

/// <summary>
/// Builds a Stateless machine over a status property of an entity, so that the entity's stored status is the
/// only state (EF loads it; the machine is rebuilt on demand) and an illegal transition becomes a
/// <see cref="DomainException"/> whose Chinese message names the current status and the refused action.
/// </summary>
public static class DomainStateMachine
{
    public static StateMachine<TState, TTrigger> Create<TState, TTrigger>(
        Func<TState> read,
        Action<TState> write,
        Func<TState, string> stateLabel,
        Func<TTrigger, string> triggerLabel)
    {
        var machine = new StateMachine<TState, TTrigger>(read, write, FiringMode.Immediate);
        machine.OnUnhandledTrigger((state, trigger) =>
            throw new DomainException("当前状态为“{0}”，不能{1}。", new DomainMessage(stateLabel(state)), triggerLabel(trigger)));
        return machine;
    }

    /// <summary>
    /// Refuses, with the machine's Chinese message, a trigger the current state does not permit — before the caller
    /// validates anything else, so the user hears about the state first.
    /// </summary>
    public static void EnsureCanFire<TState, TTrigger>(this StateMachine<TState, TTrigger> machine, TTrigger trigger)
    {
        if (!machine.CanFire(trigger))
        {
            // Firing an unhandled trigger runs the OnUnhandledTrigger handler set in Create, which throws.
            machine.Fire(trigger);
        }
    }
}
