namespace SocBot.State;

/// <summary>
/// The store could not be reached or did not answer in time (after its own retries). The one failure of the store that
/// callers handle: they tell the person the change was not saved, or leave the work to the next pass. Nothing was
/// written by the call that throws it, or, where the backend cannot know, the write is retried safely by the next call.
/// </summary>
public sealed class StateStoreUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
