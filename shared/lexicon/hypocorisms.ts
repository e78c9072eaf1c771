/**
 * quotedesk's own list of common English given-name hypocorisms (pet forms and short forms that do not
 * start with the full name: Bill/William, Peggy/Margaret), beside the fuller public list in
 * data/nicknames.generated.ts. Plain prefixes (Sam/Samuel) are handled by the short-form rule in
 * shared/names/tokens.ts, so they are listed only where they are also ambiguous hubs.
 * Each line: the formal name(s) first, then the familiar forms; every name in a line matches every other.
 */
export const HYPOCORISM_GROUPS = `
abigail abby abbie gail
abraham abe bram
albert al bert bertie
alexander alex alec sandy xander sasha
alexandra alex alexa sandra sandy lexi sasha
alfred alf alfie fred freddie
andrew andy drew
angela angie
anthony tony antony
arthur art artie
barbara barb barbie babs
benjamin ben benny benji
bernard bernie barney
beatrice bea trixie
caroline carol carrie caro
catherine katherine kathryn cathy kathy kate katie kat kit kitty cath cassie
charles charlie chuck chas chaz
charlotte lottie charlie
christina christine chris christy kristy tina
christopher chris kit topher
clifford cliff
cynthia cindy
daniel dan danny
david dave davy
deborah debbie deb debra
dennis denny
dolores lola
donald don donnie
dorothy dot dottie dolly
douglas doug
edward ed eddie ted teddy ned
edmund ed ned
edwin ed
eleanor ellie nell nellie nora
elizabeth beth betty betsy liz lizzie eliza elsie libby bess bessie lisa liza
ellen nell nellie
emily em emmy millie
eugene gene
evelyn evie
florence flo flossie
frances fran frannie fanny
francis frank frankie
frederick fred freddie fritz
gabriel gabe
geoffrey jeffrey geoff jeff
gerald gerry jerry
gertrude gertie trudy
gregory greg
harold hal harry
harriet hattie
helen nell nellie
henry harry hank hal
herbert herb bert
howard howie
hubert bert
isabel isabella isabelle izzy bella belle
jacob jake jack
james jim jimmy jamie jem
jane jenny janie
janet jan jenny
jennifer jen jenny jenn
jessica jess jessie
joan joanie
john jack johnny jon
jonathan jon jonny nathan
joseph joe joey jo
josephine jo josie
joshua josh
judith judy jude
katherine catherine kate katie kathy kay
kenneth ken kenny
lawrence laurence larry laurie
leonard len lenny leo
louis lou louie
louise lou lulu
lucille lucy
magdalena magdalene maggie lena
margaret peggy peg maggie meg megan marge margie madge greta daisy rita
martha marty patty mattie
martin marty
mary molly polly mae mamie
matilda tilly tilda maud
matthew matt matty
michael mike mikey mick mickey
mildred millie
nathaniel nathan nate nat
nicholas nick nicky
oliver ollie
patricia pat patty tricia trish
patrick pat paddy rick
peter pete
philip phillip phil pip
rebecca becky becca
richard rick ricky dick rich richie
robert bob bobby rob robbie bert
roberta bobbie
roger rodge
ronald ron ronnie
rosalind rosie ros
rose rosie
russell russ
samantha sam sammy
samuel sam sammy
sarah sara sally sadie
solomon sol
stephen steven steve stevie
susan sue susie suzy
suzanne susan sue
terence terrence terry
theodore ted teddy theo
thomas tom tommy
timothy tim timmy
valerie val
victoria vicky tori
vincent vince vinny
virginia ginny ginger
walter walt wally
william bill billy will willy willie liam
zachary zach zack zac
anne ann annie nancy nan hannah
agnes aggie nessa
ezekiel zeke
isaac ike
cyrus cy
belinda linda lindy
melinda mindy linda
lucas luke
elijah eli
eli elias
jason jay
oscar ossie oz
catherine kay kaye
beatrice bee trixie
anita nita
stella estelle
adelaide addie della heidi
adeline addie addy
alan al
alice allie ally
alison allie ally ali
alphonso alphonse al fonzie
amanda mandy manda
amelia millie amy
antonia toni tonia
augustus augustine gus gussie
angus gus
barnabas barney
bartholomew bart
bridget biddy bridie
cecilia cissy cece
clarence clare
cornelius neil connie
cornelia connie nell
curtis curt
cuthbert bert
delores dee
diana diane di
donna donnie
edith edie
edna eddie
elaine lainie
eleanor elinor nora lenore
emma em emmie
ernest ernie
esther essie hetty
euphemia effie phemie
ferdinand ferdie
gilbert gil bert
gwendolyn gwen wendy
henrietta hattie etta hetty
herman manny
horace horry
hugh hughie huey
ignatius iggy
irene renie
jacqueline jackie
jasper jas
jeremiah jerry
jeremy jerry
jerome jerry
josiah josie
julius jules
katrina trina
kimberly kim
laurence lawrence laurie lars
leonora nora leonie
lillian lily lil
lucinda cindy lucy
madeline madeleine maddie maddy
malcolm mal
marjorie margery marge margie
matilda mathilda tillie tilly
maureen mo
maximilian max
melissa missy mel
melvin mel
michelle shelly
miriam mimi
montgomery monty
nathan nat nate
norman norm
obadiah obie
patience patty
penelope penny
percival percy
phyllis phyl
prudence prue
randolph randy
raymond ray
reginald reggie reg
rodney rod
roland rollo
ronald ron ronny
rosemary rosie
rudolph rudy dolph
sebastian seb bastian
sidney sid
silvester sylvester sly
stanley stan
sylvia syl
tabitha tabby
teresa theresa tess tessa terry tracy
thaddeus tad thad
tobias toby
vanessa nessa
veronica ronnie nica
victor vic
wilfred wilf fred
wilhelmina mina minnie willa wilma
winifred winnie freda
`;
