namespace SocBot.State;

/// <summary>What became of a claim's post that did not land, so a take-over knows whether Teams may already show the card.</summary>
public enum PostAttempt
{
    /// <summary>Teams refused it or it never left: posting again cannot duplicate it.</summary>
    NotDelivered,

    /// <summary>Held back by pacing before anything was sent; the next pass may take it over at once.</summary>
    Deferred,

    /// <summary>Timed out or answered 502/504: Teams may have delivered it.</summary>
    MayHaveBeenDelivered,

    /// <summary>A take-over that could not tell is posting once more, with the card marked so.</summary>
    PostingAgain,

    /// <summary>A take-over found the first post in the channel and recorded it: nothing is posted again.</summary>
    FoundPosted,
}
