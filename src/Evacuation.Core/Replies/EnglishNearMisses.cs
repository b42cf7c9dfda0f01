namespace Evacuation.Core.Replies;

/// <summary>
/// English near misses: ordinary words one slip (<see cref="WordForms.OneSlipFrom"/>) away from a word of the reply
/// tables, which <see cref="Misspellings"/> must never read as that word. Made from Debian's wamerican
/// (/usr/share/dict/american-english): every word there one slip from a table word of any language (Latin-letter
/// words, so also the neighbours of the Russian and Ukrainian transliterations), and by hand "helo", a greeting's
/// typo far more often than a call for help, and "sto", Russian "сто" (a hundred) in Latin letters; 407 words.
/// After adding words to the tables, add the ordinary words one slip from them here (any order).
/// </summary>
internal static class EnglishNearMisses
{
    public static IReadOnlyList<string> Words { get; } = Vocabulary.Words("""
        abort abut ambulances anguish arena arrive arrives boarder bolder borden borders borer cancels cancer cane
        cannon cans capt carnot cart cast cat catt checkpoints countrys county crosser crosses crossings dagger
        dancer dander dangers danker decide decides decoded departeds deported deporting derided dint direction
        diving dolt don dona done donn dons dot drivings edam eden emergence emergencys englishs enrolls enrols
        enron evacuate evacuates evacuations evaluated evaluation fie fife file fine fir firm firs five gong granite
        hake hal hale half hall halo hals halt hare harp hasp hate haunt haven havens haze headings healing heap
        heaping hearing heating heaving hebrews heeding heep held hell helm helo hemp hep herding hoe hole homy hone
        hope hose hove howe hungarians hungarys hungry injure injures insured int inured issue issued joan john jon
        joni lag lana land lane lank leading leafing leaking leaning leaping lease leasing leavings lent lept lest
        let lice lie lien life like lime lin lina lind link lins lint lire lite live lodger logger loner longed
        luggages mace mad mads mae make male mane mare mate maze medial medicals message mode moe moldovas mole mona
        moore mope morn moro mort mote move ned nee needled neer neg neo nerd nes nether nev new newer nod noe noh
        non nos nov nt outsider outsides outsize parsed passe passel passer passes pasted paused pease pleas pleased
        pleases polands polishs puts putt quid quip quiz reaches reacted regain regaining registers remains remote
        removed remover removes resister resumed resumes retain retaining retched revoked revokes rice rid rids rife
        rile rime ripe rise rite roam roan roar robt rod romanians romanias rood root rot rote rotes roue roues
        rouge rouges roumania rouse rouses routed router routs russia russians russias rut sade safety sage sake
        sale same sane sanely sase sate save say saying seeding selling sensing shelving shilling sian sid sids sigh
        sin sine sing sire site size slovakian slovakias slovaks son soot sop sown stab stack stag staging staking
        staling stan star stare staring stark starr stars stat stating staving step stick sto stock stol stoop stow
        straying stunk sty subscribed subscriber subscribes suck tale tame tank tanks tape tapped tare tate than
        thanh thanhs thant thants think thinks thunk thunks trail trait tramped tran transits transmit transports
        trapper traveler travelings travelled tripped tun turd turf turk ukraines ukrainians unstops unsubscribed
        unsubscribes want wee weer weve whore wild wile wilt wily won wong wons worried worrier worriers wot wounder
        youd yous
        """);
}
